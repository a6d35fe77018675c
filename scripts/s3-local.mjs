// A local S3-compatible object store for `npm run cluster`: s3rver (a devDependency of the server)
// on 127.0.0.1:PORT, keeping its objects under DIRECTORY, with the bucket BUCKET made at start.
// Its access key and secret are both S3RVER. Prints "listening <port>" once it answers; stops on
// SIGTERM / SIGINT.
//   node scripts/s3-local.mjs <port> <directory> <bucket>
import S3rver from 's3rver';

const [port, directory, bucket] = process.argv.slice(2);
if (!port || !directory || !bucket) {
  process.stderr.write('usage: node scripts/s3-local.mjs <port> <directory> <bucket>\n');
  process.exit(2);
}
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [] }],
});
const { port: listening } = await server.run();
process.stdout.write(`listening ${listening}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
