import { Arg } from 'type-graphql';

/** The `asOf: String` argument every monitoring field takes (check it with monitoringDay). */
export function AsOfArg(): ReturnType<typeof Arg> {
  return Arg('asOf', () => String, {
    nullable: true,
    description: 'yyyy-mm-dd; default today in Asia/Ho_Chi_Minh',
  });
}
