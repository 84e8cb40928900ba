// The widget's design tokens (the --parley-* custom properties resolved into --_* variables), its
// css tag and its field styles: the console looks like the widget and follows the same theme.
// Imported by path because @parley/widget exports only its elements.
export { css } from '../../../../packages/widget/src/styles/css.ts'
export { fields } from '../../../../packages/widget/src/styles/fields.styles.ts'
export { tokens } from '../../../../packages/widget/src/styles/tokens.styles.ts'
