import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useNavigate,
  useSearch,
} from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SearchBox } from './directory-controls';

// The search box writes what was typed into the address after a pause. A reader who types and
// follows a link to another screen before the pause ends must arrive there: the next screen's
// chunk may take seconds on a thin link, and meanwhile this screen is still drawn.

function Agencies() {
  const { search } = useSearch({ from: '/admin/agencies' });
  const navigate = useNavigate({ from: '/admin/agencies' });
  return (
    <>
      <h1>Agencies</h1>
      <SearchBox
        label="Search agencies"
        hint="Name"
        value={search ?? ''}
        onSearch={(value) => void navigate({ search: { search: value || undefined }, replace: true })}
      />
    </>
  );
}

function renderTwoScreens(nextScreenTakes: number) {
  const rootRoute = createRootRoute({ component: Outlet });
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      createRoute({
        getParentRoute: () => rootRoute,
        path: '/admin/agencies',
        validateSearch: (search: Record<string, unknown>): { search?: string | undefined } => ({
          search: typeof search.search === 'string' ? search.search : undefined,
        }),
        component: Agencies,
      }),
      createRoute({
        getParentRoute: () => rootRoute,
        path: '/admin/users',
        loader: () => new Promise((resolve) => setTimeout(resolve, nextScreenTakes)),
        component: () => <h1>Users</h1>,
      }),
    ]),
    history: createMemoryHistory({ initialEntries: ['/admin/agencies'] }),
  });
  render(<RouterProvider router={router as never} />);
  return router;
}

describe('the directory search box', () => {
  it('writes what was typed into the address after a pause', async () => {
    const router = renderTwoScreens(0);
    await userEvent.type(await screen.findByLabelText('Search agencies'), 'Sri');
    await waitFor(() => expect(router.state.location.search).toEqual({ search: 'Sri' }));
  });

  it('does not take a reader back who followed a link before the pause ended', async () => {
    const router = renderTwoScreens(1_000);
    await userEvent.type(await screen.findByLabelText('Search agencies'), 'Sri');
    void router.navigate({ to: '/admin/users' });
    expect(await screen.findByRole('heading', { name: 'Users' }, { timeout: 3_000 })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(screen.queryByRole('heading', { name: 'Agencies' })).toBeNull();
  });
});
