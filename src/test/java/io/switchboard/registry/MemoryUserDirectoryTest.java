package io.switchboard.registry;

/** The contract on one node. */
class MemoryUserDirectoryTest extends UserDirectoryContract {

  private final MemoryUserDirectory directory = new MemoryUserDirectory();

  @Override
  protected UserDirectory node() {
    return directory;
  }
}
