// The quoting rules live in the model (the data engines in load quote with them too).
export { DIALECTS, dateLiteral, ident, numberLiteral, textLiteral, type Dialect } from '../../../model/sql.js';
