// Monaco's modular entry points, typed from the package root.
declare module 'monaco-editor/editor/editor.api' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/features/*/register';
declare module 'monaco-editor/languages/definitions/*/register';
