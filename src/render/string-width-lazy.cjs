// string-width, loaded on first use: building its Unicode regexes cost ~15 ms of every start-up,
// and plain Latin and Vietnamese text never needs it (see width.ts).
let stringWidth;
module.exports = function lazyStringWidth(s) {
  stringWidth ??= require('string-width').default;
  return stringWidth(s);
};
