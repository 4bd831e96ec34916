import { Center, Loader } from '@mantine/core';

/** Shown while the first page's code arrives. Text-free, because translations may not be ready. */
export function PageLoading() {
  return (
    <Center h="60vh" aria-busy="true">
      <Loader size="md" />
    </Center>
  );
}
