"""What command bodies share: the library API, reached lazily."""


class LazyApi:
    """iranru.api, imported when a command body first calls it: a replayed run never does,
    and so never imports the pipeline, the model or the readers."""

    def __getattr__(self, name: str) -> object:
        import iranru.api

        return getattr(iranru.api, name)


api = LazyApi()
