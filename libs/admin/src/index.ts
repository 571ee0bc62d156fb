/** @roundtable/admin: staff's home page (/admin) and the worker's snapshot of its figures. */
export { AdminModule, AdminWorkerModule } from './admin.module';
export { AdminHomeSnapshots, ADMIN_HOME_JOB, ADMIN_HOME_REFRESH_JOB } from './home/admin-home-snapshots.service';
