/**
 * @roundtable/json-shape: the shape checks the exchange formats (libs/rankings, libs/census) share,
 * with one wording for their errors. Pure code with no framework import, like the formats that use
 * it, so `npm run rank` and `npm run census` load it on their own.
 */
export { describeJson, fieldOf, JsonShape, type JsonObject, type ShapeErrorClass } from './json-shape';
