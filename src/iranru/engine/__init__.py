"""The engine: how the stages' work is run, never what it computes.

`pool` runs a function over chunks of documents here, in a process pool or on Dask; `waves`
looks documents up in the cache, runs the missing ones and collects them, a wave at a time
for a stream; `analysis` names what is made of each document (token tables or word counts),
how it is stored and sent; `state` is what a worker process keeps for its life; `cache` is
the SQLite document cache and `replay` the store of recorded reports; `mentions` runs date and
place finding. The stages (ingest, normalize, tokens, analysis, mentions, render) never import
the engine; `api` composes the two. Nothing heavy is imported here.
"""
