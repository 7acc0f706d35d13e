import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { jurisdictionColumns } from '@nq57/shared/schema';

/** One of the 3,321 communes, wards and special zones (Resolution 202/2025/QH15), by official code. */
@ObjectType('Commune', { description: 'Xã / phường / đặc khu' })
@Directive('@key(fields: "code")')
@Entity('commune')
export class Commune extends jurisdictionColumns({
  code: 'Official code, e.g. "24682" for Xã Thuận An',
  name: 'Official name, e.g. "Xã Thuận An"',
}) {
  @Field(() => String, { description: 'Official code of its province' })
  @Index()
  @Column('text')
  provinceCode!: string;
}
