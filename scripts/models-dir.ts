// Where real model files are found on a development or CI machine: ../shared/models beside the
// clone, or the folder named by BIAOQING_MODELS_DIR. A user's own clone has neither.

import path from 'node:path';

export function modelsDir(root: string): string {
  return process.env.BIAOQING_MODELS_DIR ?? path.resolve(root, '../shared/models');
}
