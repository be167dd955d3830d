'use strict';
throw new Error('database URL is not configured\nset DATABASE_URL first');
