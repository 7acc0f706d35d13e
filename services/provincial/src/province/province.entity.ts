import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the 34 provinces and centrally-run cities (Resolution 202/2025/QH15), by official code. */
@ObjectType('Province', { description: 'Tỉnh / thành phố trực thuộc Trung ương' })
@Directive('@key(fields: "code")')
@Entity('province')
export class Province {
  @Field(() => String, { description: 'Official code, e.g. "19" for Thái Nguyên' })
  @PrimaryColumn('text')
  code!: string;

  @Field(() => String, { description: 'Official name, e.g. "Thái Nguyên", "Thành phố Hà Nội"' })
  @Column('text')
  name!: string;

  @Field(() => String, { description: 'As listed: "Tỉnh" or "Thành phố Trung Ương"' })
  @Column('text')
  placeType!: string;
}
