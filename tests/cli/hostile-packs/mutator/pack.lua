return pack { name = "hostile-mutator", version = "1.0.0", description = "a recipe that rewrites the catalogs it is handed", requires = ">= 0.1" }
