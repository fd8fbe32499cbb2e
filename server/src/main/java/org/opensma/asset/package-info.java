/**
 * Asset management: asset types with custom fields, assets, barcodes, archiving, the change
 * history of each asset, and the Device asset that follows each inventoried machine.
 */
package org.opensma.asset;
