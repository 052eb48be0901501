import { benchFootprint } from './footprint.js';
console.log(await benchFootprint({ quick: true }));
process.exit(0);
