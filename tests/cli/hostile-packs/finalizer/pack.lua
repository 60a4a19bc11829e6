return pack { name = "finalizer", version = "0.0.1", description = "hostile: an endless __gc finalizer (the collector runs finalizers with hooks off)", requires = ">= 0.1" }
