/**
 * First module of the IE11 bundle: what Babel's usage-based core-js injection may miss (its own helpers for
 * for-of, spread and classes need Symbol and iterators), and String.prototype.normalize, which core-js lacks.
 */
import "core-js/es/symbol";
import "core-js/es/promise";
import "core-js/es/map";
import "core-js/es/set";
import "core-js/es/weak-map";
import "core-js/es/array";
import "core-js/es/string";
import "core-js/es/object";
import "core-js/es/number";
import "core-js/es/math";
import "core-js/web/dom-collections";
import { installNormalize } from "./normalize";

installNormalize();
