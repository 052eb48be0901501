import { benchApi } from './api.js';
console.log(await benchApi({ quick: true }));
process.exit(0);
