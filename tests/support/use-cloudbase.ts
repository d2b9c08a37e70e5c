// The `integration-cloudbase` project: test apps open the local CloudBase service through the
// real @cloudbase/node-sdk instead of the embedded Postgres (tests/support/test-app.ts).
process.env.TEST_STORE = 'cloudbase'
