package org.opensma.agent.body;

/** Encoding of an agent request body, detected from its first bytes. */
public enum BodyEncoding {
    /** RFC 1950 zlib stream, sent by both agents by default. */
    ZLIB,
    /** RFC 1952 gzip stream, sent by agents that lack the Perl zlib module. */
    GZIP,
    /** Uncompressed XML, sent by FusionInventory with --no-compression. */
    XML,
    /** Uncompressed JSON, sent by GLPI Agent in its native protocol. */
    JSON
}
