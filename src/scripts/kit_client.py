"""nbclient's NotebookClient, starting the kernel again when it dies before it answers.

Jupyter picks free ports for a kernel and writes them into its connection file; on a busy machine another
process can take one of them before the kernel binds it. The kit's kernel then ends at once and says which
port ("cannot bind the shell socket to 127.0.0.1:PORT"), as a kernel should so that Jupyter's restarter can
start it again. nbclient has no restarter, so this client starts a fresh kernel, with fresh ports, up to
three times before it gives up.
"""
import atexit

from nbclient import NotebookClient
from nbclient.util import run_sync

STARTS = 3


class KitNotebookClient(NotebookClient):

    async def async_start_new_kernel_client(self):
        for start in range(1, STARTS + 1):
            try:
                return await super().async_start_new_kernel_client()
            except RuntimeError as e:
                if "Kernel died before replying" not in str(e) or start == STARTS:
                    atexit.unregister(self._cleanup_kernel)  # nothing is left to clean up at exit
                    raise
                self.log.warning("the kernel died while starting (start %d of %d); starting a new one",
                                 start, STARTS)
                self.km = self.create_kernel_manager()  # the failed start cleaned up the old one
                await self.async_start_new_kernel()

    start_new_kernel_client = run_sync(async_start_new_kernel_client)
