import type { FastifyInstance } from 'fastify';

/**
 * JSON is the only body type the API reads: any other content type is refused with 415. An empty
 * body counts as no body (so `POST /api/auth/logout` works from any client); malformed JSON is
 * refused by Fastify's parser, which also guards against prototype poisoning.
 */
export function registerJsonBodyOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });
}
