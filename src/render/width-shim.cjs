// Stands in for cli-table3's string-width@4 in the bundle (scripts/build.mjs): same widths, fast path first.
module.exports = require('./width.ts').displayWidth;
