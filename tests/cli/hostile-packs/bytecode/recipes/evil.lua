local blob = require "blob"
return blob
