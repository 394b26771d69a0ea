/**
 * A Step Functions API error, by the error type AWS answers (`__type`): `InvalidArn`,
 * `ExecutionDoesNotExist`, `ValidationException`...
 */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}
