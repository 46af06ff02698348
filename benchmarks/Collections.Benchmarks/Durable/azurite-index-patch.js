// Diagnostic only, for `durable ... emulator=patched` (docs/benchmarks.md, Durable). Preloaded into Azurite 3.35 with
// NODE_OPTIONS=--require. Azurite's queue store calls clearExpiredMessages() on every put, get, peek, delete and update
// of a message, which removes an (almost always empty) array of expired messages; LokiJS answers any batch removal
// on a collection with binary indices by re-sorting every index of the collection (ensureAllIndexes), so each queue
// request sorts all live messages of all queues four times. The same happens when an extent is deleted. This patch
// skips empty batch removals and sends one-document batches through LokiJS's own incremental single-document remove.
// Nothing else changes; stock Azurite is what the product and its tests run on.
'use strict';
const path = require('path');
// Resolved from Azurite's own location (node_modules/azurite/dist/src/azurite.js), so this is the instance it loads.
const azurite = path.join(require('fs').realpathSync(process.argv[1]), '..', '..', '..');
const loki = require(require.resolve('lokijs', { paths: [azurite] }));
const removeBatch = loki.Collection.prototype.removeBatchByPositions;
loki.Collection.prototype.removeBatchByPositions = function (positions) {
  if (positions.length === 0) {
    return;
  }
  if (positions.length === 1) {
    this.remove(this.data[positions[0]]);
    return;
  }
  removeBatch.call(this, positions);
};
