export * from './types';
export { analyze } from './analyze';
export { clean, cleanSummary } from './clean';
export { splitLines, detectEol } from './lines';
export { scoreDump } from './detect';
export { buildTemplateIndex, normalizeLineKey } from './templates';
export { compileUserPatterns, literalLinePattern } from './patterns';
export { REASONS, describeReason } from './reasons';
