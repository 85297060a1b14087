import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { consoleRouter } from './routes';

/**
 * Light variants (badges, the active navigation item) draw shade 9 text on a tint: 3.8:1 for green. Text a
 * shade darker than 9 keeps every colour's light variant above 4.5:1 (WCAG AA at badge size).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const darkest = parsed.isThemeColor ? input.theme.colors[parsed.color]?.[9] : undefined;
  return darkest ? { ...colors, color: darken(darkest, 0.35), hoverColor: darken(darkest, 0.35) } : colors;
};

const theme = createTheme({
  variantColorResolver,
  // The active item filled (white on teal 9, 5:1): the light tint under teal text stays below 4.5:1.
  components: { NavLink: { defaultProps: { variant: 'filled' } } },
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Teal 6 to 8 on white are under 4.5:1; shade 9 keeps buttons, links and active items readable (WCAG AA).
  primaryShade: 9,
});

/** Mantine's dimmed text (gray 6) is 3.3:1 on white: gray 7 reads as secondary and passes AA. */
const cssVariablesResolver: CSSVariablesResolver = (mantine) => ({
  variables: {},
  light: { '--mantine-color-dimmed': mantine.colors.gray[7] ?? '#495057' },
  dark: {},
});

/** Client errors (4xx) are answers, not hiccups: only network failures and 5xx are retried. */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={consoleRouter} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
