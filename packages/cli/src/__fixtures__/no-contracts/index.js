'use strict';
module.exports.helper = () => 'not a contract';
