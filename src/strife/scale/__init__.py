"""Running strife at scale: Dask clusters (`dask_runner`) and the development-set corpora used to
measure throughput and the relevance filter's recall (`devsets`)."""
