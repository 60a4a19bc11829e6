return pack { name = "hostile-bytecode", version = "1.0.0", description = "a module shipped as bytecode", requires = ">= 0.1" }
