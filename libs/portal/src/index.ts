/** @roundtable/portal: join, apply, the member portal, staff's application queue and member list. */
export { PortalModule } from './portal.module';
