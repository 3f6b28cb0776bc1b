#!/usr/bin/env python3
"""Reads a newswire topic with a client that is not newswire's: Debian's python3-confluent-kafka and python3-avro.

newswire writes Avro values in one of two formats, told apart by the first byte:
- by default, Avro's single-object encoding (0xC3 0x01, the 8-byte CRC-64-AVRO fingerprint of the writer schema's
  canonical form, little-endian, then the Avro binary datum): the writer schema is picked among the published .avsc
  files (--schemas) by that fingerprint;
- in registry mode (newswire.schema.registry.url set), the Confluent wire format (0x00, the 4-byte big-endian schema
  id, then the datum): the writer schema is fetched by id from the registry's Confluent-compatible API (--registry,
  e.g. http://localhost:8080/apis/ccompat/v7 for Apicurio) with confluent-kafka's schema registry client.
A topic switched from one mode to the other holds both; this script decodes both. It reads read_committed from the
beginning of each topic (--topic, repeatable; read together) to its end, printing one JSON object per record (key, headers, value),
or only the counts with --count.

    /usr/bin/python3 clients/python/newswire_consume.py --bootstrap-servers localhost:9092 \\
        --topic news.security [--topic news.dlq ...] --schemas schemas/src/main/avro [--registry URL] [--count]
"""
import argparse
import copy
import io
import json
import os
import re
import sys
import time

import avro.io
import avro.name
import avro.schema
from confluent_kafka import Consumer, KafkaException, TopicPartition

MAGIC = b"\xc3\x01"
PRIMITIVE = re.compile(r'\{"type":"(null|boolean|int|long|float|double|bytes|string)"\}')
_EMPTY = 0xC15D213AA4D7A795
_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY & -(_fp & 1))
    _TABLE.append(_fp)


def crc64_avro(data: bytes) -> int:
    """The fingerprint of the Avro specification ("Schema Fingerprints", CRC-64-AVRO)."""
    fp = _EMPTY
    for byte in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


def load_schemas(folder):
    """Every .avsc of the folder, parsed with the named types they share; by fingerprint."""
    texts = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".avsc"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts[name] = json.load(f)
    names = avro.name.Names()
    parsed = {}
    pending = dict(texts)
    # Files refer to each other's named types: parse until nothing new resolves.
    while pending:
        progress = False
        for name, text in list(pending.items()):
            # A failed parse may have registered some of its types: try on a copy, keep it only on success.
            attempt = copy.deepcopy(names)
            try:
                parsed[name] = avro.schema.make_avsc_object(text, attempt)
            except avro.errors.SchemaParseException:
                continue
            names = attempt
            del pending[name]
            progress = True
        if not progress:
            raise SystemExit("cannot resolve the schemas " + ", ".join(pending) + " in " + folder)
    by_fingerprint = {}
    for schema in parsed.values():
        # Debian's python3-avro 1.11 writes a primitive with a logical type as {"type":"long"} in the canonical form,
        # where the specification (and Java, which wrote the records) has "long": normalize it.
        canonical = PRIMITIVE.sub(r'"\1"', schema.canonical_form).encode("utf-8")
        by_fingerprint[crc64_avro(canonical)] = schema
    return by_fingerprint


def decode(value, schemas, registry=None):
    if value is not None and len(value) >= 5 and value[0] == 0:
        if registry is None:
            raise ValueError("a Confluent wire format value (schema id %d): give --registry"
                             % int.from_bytes(value[1:5], "big"))
        schema_id = int.from_bytes(value[1:5], "big")
        try:
            schema = registry.get_by_id(schema_id)
        except Exception as error:  # the client raises its own errors for 404s and refused connections
            raise ValueError("schema id %d: %s" % (schema_id, error))
        if schema is None:
            raise ValueError("schema id %d is not in the registry" % schema_id)
        reader = avro.io.DatumReader(schema)
        return schema.fullname, reader.read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))
    if value is None or len(value) < 10 or value[:2] != MAGIC:
        raise ValueError("neither Avro single-object encoded nor in the Confluent wire format")
    fingerprint = int.from_bytes(value[2:10], "little")
    schema = schemas.get(fingerprint)
    if schema is None:
        raise ValueError("unknown writer schema fingerprint %016x" % fingerprint)
    reader = avro.io.DatumReader(schema)
    return schema.fullname, reader.read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


def read_topics(consumer, topics, schemas, registry, count_only):
    """Every record of the topics from their beginning to their end, read_committed, all partitions of all topics
    assigned at once; returns {topic: [records, decoded, failed]}."""
    partitions = []
    ends = {}
    for topic in topics:
        metadata = consumer.list_topics(topic, timeout=30)
        if topic not in metadata.topics or metadata.topics[topic].error is not None:
            raise SystemExit("no topic " + topic)
        for partition in metadata.topics[topic].partitions:
            tp = TopicPartition(topic, partition, 0)
            partitions.append(tp)
            # The high watermark now: with no transaction open (the pipeline idle), what read_committed reaches.
            ends[(topic, partition)] = consumer.get_watermark_offsets(tp, timeout=30)[1]
    consumer.assign(partitions)
    counts = {topic: [0, 0, 0] for topic in topics}
    deadline = time.time() + 120
    while time.time() < deadline:
        message = consumer.poll(0.2)
        if message is None:
            # At the end when every partition's position has passed its high watermark (transaction markers
            # included); a partition never fetched has no position yet.
            if all(ends[(tp.topic, tp.partition)] == 0 or tp.offset >= ends[(tp.topic, tp.partition)]
                   for tp in consumer.position(partitions)):
                break
            continue
        if message.error():
            raise KafkaException(message.error())
        count = counts[message.topic()]
        count[0] += 1
        try:
            name, value = decode(message.value(), schemas, registry)
            count[1] += 1
            if not count_only:
                headers = {k: v.decode("utf-8", "replace") for k, v in (message.headers() or [])}
                print(json.dumps({"topic": message.topic(), "partition": message.partition(),
                                  "offset": message.offset(), "key": (message.key() or b"").decode("utf-8"),
                                  "headers": headers, "schema": name, "value": value},
                                 default=str, ensure_ascii=False))
        except ValueError as error:
            count[2] += 1
            print("record %s/%d/%d not decoded: %s" % (message.topic(), message.partition(), message.offset(), error),
                  file=sys.stderr)
    else:
        raise SystemExit("did not reach the end of " + ", ".join(topics) + " within 120 s")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", required=True, action="append",
                        help="a topic to read; repeat for several, read together")
    parser.add_argument("--schemas", required=True, help="folder of the published .avsc files")
    parser.add_argument("--registry", help="the schema registry's Confluent-compatible API, for registry mode")
    parser.add_argument("--count", action="store_true",
                        help="print only, per topic: records=N decoded=N failed=N topic=TOPIC")
    args = parser.parse_args()
    schemas = load_schemas(args.schemas)
    registry = None
    if args.registry:
        # confluent-kafka's own client (the 1.x one Debian ships), caching schemas by id.
        from confluent_kafka.avro.cached_schema_registry_client import CachedSchemaRegistryClient
        registry = CachedSchemaRegistryClient({"url": args.registry})
    consumer = Consumer({"bootstrap.servers": args.bootstrap_servers, "group.id": "newswire-python-check",
                         "enable.auto.commit": False, "isolation.level": "read_committed",
                         "auto.offset.reset": "earliest"})
    topics = list(dict.fromkeys(args.topic))
    counts = read_topics(consumer, topics, schemas, registry, args.count)
    consumer.close()
    if args.count:
        for topic in topics:
            print("records=%d decoded=%d failed=%d topic=%s" % (tuple(counts[topic]) + (topic,)))
    return 1 if any(count[2] > 0 for count in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
