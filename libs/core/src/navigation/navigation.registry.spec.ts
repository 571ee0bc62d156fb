import { NavigationRegistry } from './navigation.registry';

describe(NavigationRegistry.name, () => {
  it('shows each role its entries in order, whatever order features registered them in', () => {
    const navigation = new NavigationRegistry();
    navigation.register([{ label: 'Portal', href: '/portal', roles: ['member', 'staff'], order: 70 }]);
    navigation.register([
      { label: 'Members', href: '/admin/members', roles: ['staff'], order: 20 },
      { label: 'Sign in', href: '/sign-in', roles: ['visitor'], order: 90 },
    ]);
    expect(navigation.for('staff').map((entry) => entry.label)).toEqual(['Members', 'Portal']);
    expect(navigation.for('member').map((entry) => entry.label)).toEqual(['Portal']);
    expect(navigation.for('visitor').map((entry) => entry.label)).toEqual(['Sign in']);
    expect(navigation.for('applicant')).toEqual([]);
  });
});
