'use strict';
throw new Error('database URL is not configured\nsecond line that should not be shown');
