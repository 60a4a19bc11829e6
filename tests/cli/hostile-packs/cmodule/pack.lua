return pack { name = "cmodule", version = "0.0.1", description = "hostile: require a C module", requires = ">= 0.1" }
