import { Type } from '@sinclair/typebox';
import { Version } from '@rectify/domain';

/** Every route lists the error responses it can give, all in the one shape. */
const error = Type.Ref('ErrorResponse');
export const errors = {
  read: { 400: error, 404: error },
  write: { 400: error, 404: error, 409: error, 413: error, 415: error },
};

export const DeleteQuery = Type.Object(
  { version: Type.Optional(Version) },
  { additionalProperties: false, description: 'Send the version read to refuse deleting a row someone changed since' },
);
