export function CreateOperationPage() {
  return null;
}

export function EditOperationPage() {
  return null;
}
