import {
  ArrayMaxSize,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { EvidenceInput } from '../status/status-report.input';

/** The years a value may be reported for. */
export const INDICATOR_YEARS = { min: 2020, max: 2050 } as const;

/** The largest magnitude a reported value may have (the stored numeric keeps it exactly). */
export const MAX_INDICATOR_VALUE = 1e15;

/** One value reported for one indicator and one year, as both levels' report mutations take it. */
@InputType('IndicatorValueInput')
export class IndicatorValueInput {
  @Field(() => ID)
  @IsUUID()
  indicatorId!: string;

  @Field(() => Int, {
    description: `The year the value is for, ${INDICATOR_YEARS.min}-${INDICATOR_YEARS.max}`,
  })
  @IsInt()
  @Min(INDICATOR_YEARS.min)
  @Max(INDICATOR_YEARS.max)
  year!: number;

  @Field(() => Float, { description: 'In the indicator’s unit: 82.5 for 82,5%' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_INDICATOR_VALUE)
  @Max(MAX_INDICATOR_VALUE)
  value!: number;

  @Field(() => String, { nullable: true, description: 'How the value was measured, or what it covers' })
  @IsOptional()
  @Length(1, 4000)
  note?: string;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Each with a url or a documentNumber' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence?: EvidenceInput[];
}
