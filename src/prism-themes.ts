/**
 * Code colours of the site: prism-react-renderer's GitHub (light) and Dracula
 * (dark) themes with the token colours that fell below WCAG AA contrast
 * (4.5:1 on the code background; axe `color-contrast`) darkened or lightened.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';

/** Replaces token colours of a theme (by the old colour). */
function recolour(theme: PrismTheme, map: Record<string, string>): PrismTheme {
  return { ...theme, styles: theme.styles.map((s) => (s.style.color && map[s.style.color] ? { ...s, style: { ...s.style, color: map[s.style.color] } } : s)) };
}

/** GitHub theme, every token ≥ 4.7:1 on #f6f8fa. */
export const lightCode = recolour(themes.github, {
  '#999988': '#6a6a5a', // comment
  '#e3116c': '#b0124f', // string
  '#36acaa': '#00727a', // number, variable, property…
  '#00a4db': '#00639e', // keyword, attr-name
  '#d73a49': '#b92535', // function
});

/** Dracula theme with a readable comment colour (was 3.0:1 on #282a36). */
export const darkCode = recolour(themes.dracula, { 'rgb(98, 114, 164)': '#a3afd6' });
