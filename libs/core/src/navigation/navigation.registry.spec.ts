import { markCurrent, NavigationRegistry } from './navigation.registry';

describe(NavigationRegistry.name, () => {
  it('shows each role its header entries in order, whatever order features registered them in', () => {
    const navigation = new NavigationRegistry();
    navigation.register([{ label: 'Portal', href: '/portal', roles: ['member', 'staff'], order: 70 }]);
    navigation.register([
      { label: 'Staff', href: '/admin', roles: ['staff'], order: 85 },
      { label: 'Sign in', href: '/sign-in', roles: ['visitor'], order: 90 },
    ]);
    expect(navigation.for('staff').map((entry) => entry.label)).toEqual(['Portal', 'Staff']);
    expect(navigation.for('member').map((entry) => entry.label)).toEqual(['Portal']);
    expect(navigation.for('visitor').map((entry) => entry.label)).toEqual(['Sign in']);
    expect(navigation.for('applicant')).toEqual([]);
  });

  it("keeps staff tools out of the header and lists them by group in the staff area's order", () => {
    const navigation = new NavigationRegistry();
    navigation.register([
      { label: 'Surveys', href: '/admin/surveys', roles: ['staff'], order: 35, group: 'research' },
      { label: 'Tiers', href: '/admin/tiers', roles: ['admin'], order: 32, group: 'billing' },
      { label: 'Members', href: '/admin/members', roles: ['staff', 'admin'], order: 20, group: 'people' },
      { label: 'Blog', href: '/', roles: ['staff'], order: 50 },
    ]);
    expect(navigation.for('staff').map((entry) => entry.label)).toEqual(['Blog']);
    expect(
      navigation.staffGroups('staff').map((group) => [group.label, group.entries.map((entry) => entry.label)]),
    ).toEqual([
      ['People', ['Members']],
      ['Research', ['Surveys']],
    ]);
    expect(navigation.staffGroups('admin').map((group) => group.key)).toEqual(['people', 'billing']);
  });

  it('marks the entry leading to the page, the longest address the page sits under', () => {
    const entries = [
      { label: 'Billing overview', href: '/admin/billing', roles: ['staff'], order: 30 },
      { label: 'Billing events', href: '/admin/billing/events', roles: ['staff'], order: 31 },
      { label: 'Blog', href: '/', roles: ['staff'], order: 50 },
    ];
    const current = (path: string) =>
      markCurrent(entries, path)
        .filter((entry) => entry.current)
        .map((e) => e.label);
    expect(current('/admin/billing/events')).toEqual(['Billing events']);
    expect(current('/admin/billing')).toEqual(['Billing overview']);
    expect(current('/')).toEqual(['Blog']);
    expect(current('/posts/hello')).toEqual([]);
  });

  it('marks the Staff entry anywhere in the staff area', () => {
    const navigation = new NavigationRegistry();
    navigation.register([{ label: 'Staff', href: '/admin', roles: ['staff'], order: 85 }]);
    expect(navigation.for('staff', '/admin/members/42')[0].current).toBe(true);
    expect(navigation.for('staff', '/portal')[0].current).toBe(false);
  });
});
