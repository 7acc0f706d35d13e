import { Link } from './components/link';
import { useRoute, type Route } from './router';
import { DirectiveView } from './views/directive';
import { NationView } from './views/nation';
import { ProvinceView } from './views/province';
import { TaskView } from './views/task';

function View(props: { route: Route }) {
  const { route } = props;
  switch (route.view) {
    case 'nation':
      return <NationView />;
    case 'directive':
      return <DirectiveView key={route.number} number={route.number} />;
    case 'task':
      return <TaskView key={route.id} id={route.id} />;
    case 'province':
      return <ProvinceView key={route.code} code={route.code} />;
    case 'notFound':
      return (
        <>
          <h1>Không tìm thấy trang</h1>
          <p>
            Địa chỉ {route.path} không có trong bảng theo dõi. <Link href="/">Về trang toàn quốc</Link>.
          </p>
        </>
      );
  }
}

/** The page: a header with the way home, the current view, and where developers find the API. */
export function App() {
  const route = useRoute();
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header class="site">
        <Link href="/" class="brand">
          Theo dõi thực hiện Nghị quyết 57-NQ/TW
        </Link>
        <nav aria-label="Chính">
          <Link href="/">Toàn quốc</Link>
          <a href="/graphql">API GraphQL</a>
        </nav>
      </header>
      <main id="main">
        <View route={route} />
      </main>
    </>
  );
}
