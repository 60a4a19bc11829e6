-- the top level only declares: a C loop there spends the declaration budget
table.insert(setmetatable({}, { __len = function() return 2^62 end }), 1, "x")
