return pack { name = "json-metadata", version = "0.0.1", description = "hostile: a result whose tables and JSON ordering metadata raise from every metamethod", requires = ">= 0.1" }
