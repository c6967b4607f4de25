/** The hostile-names corpus shared by the codegen tests (RELIABILITY #9). */

/** Strings that try to end a literal, a comment or a line, or to be a keyword or a name the module uses. */
export const HOSTILE = [
  '"); process.exit(1); ("',
  "'); process.exit(1); ('",
  "*/ require('child_process').execSync('id') /*",
  '`${process.exit(1)}`',
  '${require("child_process")}',
  '\u2028process.exit(1)//',
  'x\u2029process.exit(1)',
  '\\',
  "\\'",
  'x\\',
  '</script><script>process.exit(1)</script>',
  "__import__('os').system('id')",
  '"""; import os; os.system("id"); """',
  "'''",
  '# -*- coding: utf-7 -*-',
  '+AAo-import os+AAo-os.system(+ACI-id+ACI-)',
  '\u202Eevil\u202C',
  'a\u200Db',
  ...['class', 'def', 'None', 'True', 'import', 'lambda', 'await', 'yield', 'function', 'new', 'in', 'eval', 'arguments'],
  ...['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'],
  ...['tf', 'keras', 'layers', 'buildModel', 'build_model', 'model', 'train', 'compileModel', 'compile_model', 'main', 'require', 'exports', 'module', 'process', 'self'],
  ...['1st', '123', '_', '__', '$', 'a b', 'a-b', 'a.b', 'a_b', 'A_B', 'aB', 'ab'],
  ...['ü', '층1', '😀', 'ａｂｃ', 'ﬁ', 'Ω', 'İ', '\uD800', '\u0085'],
];
