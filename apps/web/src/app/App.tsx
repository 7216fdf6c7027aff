import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient, Providers } from './Providers';
import { createRouter } from './router';

export function App() {
  // One client for the pages and for the routes, which start a page's reads as it matches.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createRouter(queryClient));
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
