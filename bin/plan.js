#!/usr/bin/env node
// Built by `npm run build` (npm install runs it through the prepare script).
import '../dist/plan.js';
