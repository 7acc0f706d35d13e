import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One of the 3,321 communes, wards and special zones (Resolution 202/2025/QH15), by official code. */
@ObjectType('Commune', { description: 'Xã / phường / đặc khu' })
@Directive('@key(fields: "code")')
@Entity('commune')
export class Commune {
  @Field(() => String, { description: 'Official code, e.g. "24682" for Xã Thuận An' })
  @PrimaryColumn('text')
  code!: string;

  @Field(() => String, { description: 'Official name, e.g. "Xã Thuận An"' })
  @Column('text')
  name!: string;

  @Field(() => String, { description: 'Official code of its province' })
  @Index()
  @Column('text')
  provinceCode!: string;
}
