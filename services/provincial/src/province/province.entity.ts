import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { jurisdictionColumns } from '@nq57/shared/schema';

/** One of the 34 provinces and centrally-run cities (Resolution 202/2025/QH15), by official code. */
@ObjectType('Province', { description: 'Tỉnh / thành phố trực thuộc Trung ương' })
@Directive('@key(fields: "code")')
@Entity('province')
export class Province extends jurisdictionColumns({
  code: 'Official code, e.g. "19" for Thái Nguyên',
  name: 'Official name, e.g. "Thái Nguyên", "Thành phố Hà Nội"',
}) {
  @Field(() => String, { description: 'As listed: "Tỉnh" or "Thành phố Trung Ương"' })
  @Column('text')
  placeType!: string;
}
